// Twenty short sentences, each a Chinese translation and its English original,
// for pairing and check tests that need a clean transcript of some length.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace bitext::test_support {

inline const std::vector<std::pair<std::string, std::string>> kSentencePairs = {
    {"今天天气很好。", "The weather is nice today."},
    {"我们去公园散步吧。", "Let's go for a walk in the park."},
    {"他昨天买了一本新书。", "He bought a new book yesterday."},
    {"这家餐厅的菜很好吃。", "The food at this restaurant is delicious."},
    {"请把窗户打开。", "Please open the window."},
    {"我明天要去北京出差。", "I am going to Beijing on business tomorrow."},
    {"她每天早上都喝咖啡。", "She drinks coffee every morning."},
    {"这个问题很难回答。", "This question is hard to answer."},
    {"我们下周开会讨论这个计划。", "We will meet next week to discuss this plan."},
    {"孩子们在院子里玩耍。", "The children are playing in the yard."},
    {"火车晚点了二十分钟。", "The train was twenty minutes late."},
    {"他的中文说得非常流利。", "He speaks Chinese very fluently."},
    {"图书馆周末不开门。", "The library is closed on weekends."},
    {"我忘了带雨伞。", "I forgot to bring my umbrella."},
    {"这部电影让我很感动。", "This movie moved me deeply."},
    {"他们刚刚搬进新家。", "They have just moved into a new home."},
    {"请在这里签名。", "Please sign here."},
    {"会议推迟到下午三点。", "The meeting was moved to three in the afternoon."},
    {"我的手机没电了。", "My phone is out of battery."},
    {"谢谢你的帮助。", "Thank you for your help."},
};

// The first `count` pairs as a line-pair transcript, Chinese first, without a
// final line end.
inline std::string sentence_pair_lines(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count && i < kSentencePairs.size(); ++i) {
    if (i > 0) text += '\n';
    text += kSentencePairs[i].first + '\n' + kSentencePairs[i].second;
  }
  return text;
}

}  // namespace bitext::test_support
